import { Provider } from '@nestjs/common';
import { SandboxPools } from './sandbox-pools.service';
import { SandboxProvisioner } from './sandbox-provisioner.service';
import { SandboxRunner } from './sandbox-runner.service';

/** Register these beside the SQL grader (they need only AppConfig). */
export const SANDBOX_PROVIDERS: Provider[] = [SandboxPools, SandboxProvisioner, SandboxRunner];
