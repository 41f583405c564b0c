import { useParams, useSearch } from '@tanstack/react-router';

/**
 * The path parameters of a workspace screen. Not `useParams({ from })`: the role branch is a route
 * made by createRoleRoute with a plain string id, so the route ids the types offer for its children
 * ("/signed-in/teach/courses/…") are not the ids at run time ("/signed-in/teach/teach/courses/…"),
 * and a `from` check fails. Each screen is mounted only on its own route, so its parameters are there.
 */
export function useTeachParams<K extends 'courseId' | 'lessonId' | 'moduleId' | 'assessmentId' | 'versionId'>(...names: K[]): Record<K, string> {
  const params = (useParams as (options: { strict: false }) => unknown)({ strict: false }) as Partial<Record<K, string>>;
  return Object.fromEntries(names.map((name) => [name, params[name] ?? ''])) as Record<K, string>;
}

export function useTeachSearch(): { kind?: string } {
  return (useSearch as (options: { strict: false }) => unknown)({ strict: false }) as { kind?: string };
}
