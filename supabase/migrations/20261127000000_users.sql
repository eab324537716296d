-- public.users: the application's profile of a Supabase auth user.
--
-- Reached by the desktop client through PostgREST (/rest/v1/users) with the
-- user's access token, so every rule below is enforced by the database
-- itself: the client is never trusted with anything but its own row, and
-- never with user_type.
--
-- Deliberately absent: a trigger creating a row when an auth user appears.
-- Signing in and signing up are separate steps in the product; the client
-- inserts the row when the user completes sign-up.
--
-- Safe to run twice (e.g. pasted again into the SQL editor): every object is
-- created with "if not exists", "or replace", or dropped first.

create table if not exists public.users (
    -- The row lives and dies with its auth user: deleting the account in
    -- Supabase Auth must not leave a profile behind.
    id           uuid primary key references auth.users (id) on delete cascade,
    display_name text not null,
    avatar_url   text,
    -- Written only by the triggers below and by operators (service_role);
    -- clients have no column privilege on it.
    user_type    text not null default 'registered'
                 check (user_type in ('anonymous', 'registered', 'admin')),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

comment on table public.users is
    'Profile of an auth user; one row per user, written by that user through RLS.';
comment on column public.users.user_type is
    'Set by the database from auth.users.is_anonymous; only service_role may set admin.';


-- updated_at -----------------------------------------------------------------
-- A trigger rather than trusting the client: clients cannot write updated_at
-- at all (no column privilege), and operators' ad-hoc updates stay honest too.

create or replace function public.users_touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.updated_at := now();
    return new;
end;
$$;

drop trigger if exists users_touch_updated_at on public.users;
create trigger users_touch_updated_at
    before update on public.users
    for each row execute function public.users_touch_updated_at();


-- user_type on insert --------------------------------------------------------
-- The client cannot name user_type in an insert (column privileges below),
-- but the column default would still say 'registered' for a guest. So the
-- truth is taken from auth.users.is_anonymous, which only Supabase Auth
-- writes; the JWT's is_anonymous claim is not consulted because the row must
-- match the account, not whatever token happened to insert it.
--
-- SECURITY DEFINER because the inserting role (authenticated) has no access
-- to auth.users; search_path is pinned empty so nothing in the caller's path
-- can shadow the objects named here (everything is schema-qualified).
--
-- Operators (service_role, as PostgREST runs it: SET ROLE service_role) may
-- set any user_type, e.g. to create an admin. Inside a SECURITY DEFINER
-- function current_user is the owner, so the caller is read from the "role"
-- setting (what SET ROLE changed), falling back to the login role when no
-- SET ROLE happened.

create or replace function public.users_set_user_type()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
    caller text := coalesce(nullif(current_setting('role', true), 'none'), session_user);
    guest  boolean;
begin
    if caller = 'service_role' then
        return new;
    end if;

    select u.is_anonymous into guest from auth.users u where u.id = new.id;
    -- No auth user: leave the default; the foreign key rejects the row anyway.
    if found then
        new.user_type := case when guest then 'anonymous' else 'registered' end;
    end if;
    return new;
end;
$$;

drop trigger if exists users_set_user_type on public.users;
create trigger users_set_user_type
    before insert on public.users
    for each row execute function public.users_set_user_type();


-- user_type follows a guest becoming permanent --------------------------------
-- When a guest links an email or identity, Supabase Auth flips
-- auth.users.is_anonymous to false; the profile must stop saying
-- 'anonymous'. Only 'anonymous' rows change, so an admin is never
-- downgraded and a missing profile row is simply not created.
-- SECURITY DEFINER because it runs as whoever updates auth.users (Supabase
-- Auth's own role), which has no rights on public.users.

create or replace function public.users_follow_auth_upgrade()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    update public.users
       set user_type = 'registered'
     where id = new.id
       and user_type = 'anonymous';
    return null;
end;
$$;

drop trigger if exists users_follow_auth_upgrade on auth.users;
create trigger users_follow_auth_upgrade
    after update of is_anonymous on auth.users
    for each row
    when (old.is_anonymous and not new.is_anonymous)
    execute function public.users_follow_auth_upgrade();

-- Trigger functions are not an API. Supabase grants EXECUTE on new functions
-- in public to anon and authenticated by default, and PostgREST would list
-- them; take that away. Triggers fire regardless of EXECUTE privilege.
revoke all on function public.users_touch_updated_at()    from public, anon, authenticated;
revoke all on function public.users_set_user_type()       from public, anon, authenticated;
revoke all on function public.users_follow_auth_upgrade() from public, anon, authenticated;


-- Privileges -----------------------------------------------------------------
-- Supabase's default privileges grant ALL on new public tables to anon and
-- authenticated; start from nothing and grant back only what the client
-- needs. Column lists make user_type, created_at and updated_at unwritable
-- by clients (42501), independently of RLS. No DELETE: the row goes with the
-- auth user (cascade), never on the client's say.

revoke all on table public.users from public, anon, authenticated;
grant select on table public.users to authenticated;
grant insert (id, display_name, avatar_url) on table public.users to authenticated;
grant update (display_name, avatar_url) on table public.users to authenticated;
grant all on table public.users to service_role;


-- Row-level security ---------------------------------------------------------
-- Grants say which columns; policies say which row: only the caller's own,
-- identified by the JWT's sub (auth.uid()). Guests are role authenticated
-- too and get the same rights over their own row. service_role bypasses RLS
-- (BYPASSRLS), the table owner is exempt (RLS is not forced), and there is no
-- delete policy, so even a stray DELETE grant would remove nothing.
-- "(select auth.uid())" lets the planner evaluate it once per statement
-- instead of once per row.

alter table public.users enable row level security;

drop policy if exists users_select_own on public.users;
create policy users_select_own on public.users
    for select to authenticated
    using (id = (select auth.uid()));

drop policy if exists users_insert_own on public.users;
create policy users_insert_own on public.users
    for insert to authenticated
    with check (id = (select auth.uid()));

-- WITH CHECK as well as USING: the row must be the caller's before and after.
drop policy if exists users_update_own on public.users;
create policy users_update_own on public.users
    for update to authenticated
    using (id = (select auth.uid()))
    with check (id = (select auth.uid()));
