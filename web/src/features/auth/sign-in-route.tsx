import { useRouter, useSearch } from '@tanstack/react-router';
import { SignInScreen } from './sign-in-screen';

/** The sign-in screen inside the full app: the router gives it its search and its navigation. */
export function SignInRoute() {
  const router = useRouter();
  const search = useSearch({ from: '/public/sign-in' });
  return <SignInScreen search={search} navigate={(href) => router.navigate({ href })} />;
}
