-- Optional: two-step verification enforced by the database for public.users.
--
-- Once a user has a verified MFA factor, their own row may be read, created
-- or changed only with an aal2 access token (signed in with the second
-- factor too); users without a verified factor keep working at aal1. This is
-- the restrictive policy Supabase documents for enforcing MFA on some users
-- ("auth.jwt()->>'aal'" against a lookup in auth.mfa_factors).
--
-- Apply it only when the app's two-step verification is in use: without
-- it, an aal1 token of a user with a verified factor can still read the row
-- (the first migration's policies alone). Safe to run twice.

-- The lookup runs as the function's owner: the API roles have no privilege on
-- auth.mfa_factors (Supabase enables RLS there and grants it to no client),
-- so the documented expression written inline in the policy would fail for
-- them. The schema is not exposed through PostgREST, so this is no RPC.
create schema if not exists private;
grant usage on schema private to authenticated;

create or replace function private.caller_meets_mfa_level()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
    -- A token without an aal claim counts as aal1.
    select array[coalesce((select auth.jwt() ->> 'aal'), 'aal1')] <@ (
        select case when count(f.id) > 0 then array['aal2'] else array['aal1', 'aal2'] end
          from auth.mfa_factors f
         where f.user_id = (select auth.uid())
           and f.status = 'verified'
    );
$$;

revoke all on function private.caller_meets_mfa_level() from public, anon;
grant execute on function private.caller_meets_mfa_level() to authenticated;

-- RESTRICTIVE: combined with AND with the permissive users_*_own policies,
-- so they can only take rights away. One per command the first migration
-- allows (its test forbids any DELETE or ALL policy on public.users).
drop policy if exists users_select_mfa_level on public.users;
create policy users_select_mfa_level on public.users
    as restrictive
    for select
    to authenticated
    using ((select private.caller_meets_mfa_level()));

drop policy if exists users_insert_mfa_level on public.users;
create policy users_insert_mfa_level on public.users
    as restrictive
    for insert
    to authenticated
    with check ((select private.caller_meets_mfa_level()));

drop policy if exists users_update_mfa_level on public.users;
create policy users_update_mfa_level on public.users
    as restrictive
    for update
    to authenticated
    using ((select private.caller_meets_mfa_level()))
    with check ((select private.caller_meets_mfa_level()));
