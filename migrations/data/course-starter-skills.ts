/**
 * The four tracks and the starter skills framework, written by us for the Course migration. Frozen
 * with that migration: change skills through the admin API (or a new migration), never here.
 * Framework references name a NICE Framework work role (cybersecurity) or an SFIA 8 skill code.
 */
export const TRACKS = [
  { code: 'cybersecurity', name: 'Cybersecurity', description: 'Security operations: monitoring, triage, incident response and hardening.' },
  { code: 'data-analysis', name: 'Data Analysis', description: 'Turning operational data into decisions: SQL, spreadsheets, statistics and dashboards.' },
  { code: 'ui-ux-design', name: 'UI/UX Design', description: 'Research, interaction and visual design of usable, accessible digital services.' },
  { code: 'cloud-engineering', name: 'Cloud Engineering', description: 'Building, deploying and operating services on public cloud platforms.' },
] as const;

interface StarterSkill {
  trackCode: string;
  code: string;
  name: string;
  description: string;
  frameworkRef: string | null;
}

const skill = (trackCode: string, code: string, name: string, description: string, frameworkRef: string | null): StarterSkill => ({
  trackCode,
  code,
  name,
  description,
  frameworkRef,
});

export const STARTER_SKILLS: StarterSkill[] = [
  skill('cybersecurity', 'CYB-SOC-01', 'Security monitoring', 'Reads SIEM alerts and logs, separates noise from signal and escalates with evidence.', 'NICE PR-CDA-001 Cyber Defense Analyst'),
  skill('cybersecurity', 'CYB-IR-01', 'Incident response', 'Follows and improves an incident playbook: contain, eradicate, recover, report.', 'NICE PR-CIR-001 Cyber Defense Incident Responder'),
  skill('cybersecurity', 'CYB-NET-01', 'Network defence fundamentals', 'Explains TCP/IP, ports and firewalls well enough to read packet captures and rule sets.', 'NICE OM-NET-001 Network Operations Specialist'),
  skill('cybersecurity', 'CYB-VUL-01', 'Vulnerability assessment', 'Runs scanners, reads CVEs and CVSS scores, and prioritises fixes by risk.', 'NICE PR-VAM-001 Vulnerability Assessment Analyst'),
  skill('cybersecurity', 'CYB-IAM-01', 'Identity and access management', 'Applies least privilege, MFA and account lifecycle controls.', 'NICE OM-ADM-001 System Administrator'),
  skill('cybersecurity', 'CYB-FOR-01', 'Digital forensics basics', 'Preserves evidence and builds a timeline from disk, memory and log artefacts.', 'NICE IN-FOR-002 Cyber Defense Forensics Analyst'),
  skill('cybersecurity', 'CYB-RSK-01', 'Security risk and controls', 'Maps controls to a framework (ISO 27001, CIS) and reports residual risk.', 'NICE SP-RSK-002 Security Control Assessor'),
  skill('cybersecurity', 'CYB-SE-01', 'Social engineering defence', 'Recognises phishing and pretexting, drawing on contact-centre experience with callers.', null),
  skill('data-analysis', 'DAT-SQL-01', 'SQL querying', 'Writes joins, aggregates and window functions to answer business questions.', 'SFIA DTAN'),
  skill('data-analysis', 'DAT-CLN-01', 'Data cleaning', 'Finds and fixes missing, duplicate and inconsistent records, documenting each step.', 'SFIA DATM'),
  skill('data-analysis', 'DAT-SPR-01', 'Spreadsheet modelling', 'Builds pivot tables, lookups and transparent models in spreadsheets.', null),
  skill('data-analysis', 'DAT-STA-01', 'Descriptive statistics', 'Summarises distributions and explains variation without overclaiming.', 'SFIA DATS'),
  skill('data-analysis', 'DAT-VIS-01', 'Data visualisation', 'Chooses honest charts and builds dashboards people can read at a glance.', 'SFIA VISL'),
  skill('data-analysis', 'DAT-BI-01', 'Business intelligence', 'Defines KPIs, such as contact-centre AHT and FCR, and keeps them consistent across reports.', 'SFIA BINT'),
  skill('data-analysis', 'DAT-PY-01', 'Python for analysis', 'Uses pandas notebooks to load, reshape and analyse data reproducibly.', 'SFIA DENG'),
  skill('data-analysis', 'DAT-COM-01', 'Data storytelling', 'Presents findings and their limits to non-technical stakeholders.', null),
  skill('ui-ux-design', 'UX-RES-01', 'User research', 'Plans and runs interviews and contextual inquiries, and synthesises findings.', 'SFIA URCH'),
  skill('ui-ux-design', 'UX-IA-01', 'Information architecture', 'Organises content with card sorts, site maps and clear navigation labels.', 'SFIA INCA'),
  skill('ui-ux-design', 'UX-IXD-01', 'Interaction design', 'Designs flows and states, including errors and empty states, for tasks users must finish.', 'SFIA HCEV'),
  skill('ui-ux-design', 'UX-PRO-01', 'Prototyping', 'Builds low- and high-fidelity prototypes matched to the question being tested.', null),
  skill('ui-ux-design', 'UX-UT-01', 'Usability testing', 'Runs moderated tests, measures task success and turns findings into changes.', 'SFIA USEV'),
  skill('ui-ux-design', 'UX-VIS-01', 'Visual design', 'Applies type, colour, spacing and grids consistently through a design system.', null),
  skill('ui-ux-design', 'UX-A11Y-01', 'Accessibility', 'Designs to WCAG 2.2 AA and checks with assistive technology.', 'SFIA ACIN'),
  skill('ui-ux-design', 'UX-CNT-01', 'Content design', 'Writes plain-language interface copy and microcopy that users understand first time.', 'SFIA INCA'),
  skill('cloud-engineering', 'CLD-LNX-01', 'Linux administration', 'Works at the shell: processes, permissions, packages, services and logs.', 'SFIA ITOP'),
  skill('cloud-engineering', 'CLD-NET-01', 'Cloud networking', 'Designs VPCs, subnets, routing and security groups.', 'SFIA NTDS'),
  skill('cloud-engineering', 'CLD-IAM-01', 'Cloud identity and access', 'Writes least-privilege IAM policies and roles.', 'SFIA SCAD'),
  skill('cloud-engineering', 'CLD-IAC-01', 'Infrastructure as code', 'Describes infrastructure in Terraform or CloudFormation and reviews plans.', 'SFIA CFMG'),
  skill('cloud-engineering', 'CLD-CNT-01', 'Containers', 'Builds images and runs containers; knows what an orchestrator does for them.', 'SFIA HSIN'),
  skill('cloud-engineering', 'CLD-CI-01', 'CI/CD pipelines', 'Automates build, test and deployment with safe rollbacks.', 'SFIA RELM'),
  skill('cloud-engineering', 'CLD-OBS-01', 'Monitoring and observability', 'Sets up metrics, logs and alerts, and responds to them on call.', 'SFIA AVMT'),
  skill('cloud-engineering', 'CLD-FIN-01', 'Cloud cost management', 'Reads the bill, tags resources and right-sizes workloads.', 'SFIA FMIT'),
];
