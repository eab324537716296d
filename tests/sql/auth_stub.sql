-- A minimal stand-in for what a Supabase project already has before our
-- migrations run: the API roles, the auth schema with auth.users, the
-- auth.uid()/auth.jwt() helpers, and Supabase's default privileges.
-- Only what the users migration and its test touch; written to behave like
-- Supabase where it matters (who may read auth.users, how claims are read,
-- what new public tables are granted), because a laxer stub would let a
-- broken migration pass.
--
-- Runs as the cluster's superuser "postgres", which plays the part of
-- Supabase's postgres role (the one migrations run as).

-- The roles PostgREST switches to. NOLOGIN: in Supabase only "authenticator"
-- logs in and then SET ROLEs; the test does the same from postgres.
-- service_role bypasses RLS, which is what makes it the operators' key.
create role anon          nologin noinherit;
create role authenticated nologin noinherit;
create role service_role  nologin noinherit bypassrls;
-- The auth server's own role: it owns auth.users and is the one that flips
-- is_anonymous and deletes users. It has no rights on public tables, which
-- is why the migration's trigger on auth.users must be SECURITY DEFINER.
create role supabase_auth_admin nologin noinherit;

-- Supabase grants usage on public to the API roles; the tables' own grants
-- decide the rest.
grant usage on schema public to anon, authenticated, service_role;

-- Supabase's default privileges: every table, sequence and function that
-- postgres creates in public is granted in full to all three API roles.
-- This is why the migration must revoke before granting; reproduce it so the
-- test notices if it ever stops doing so.
alter default privileges for role postgres in schema public
    grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
    grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
    grant all on functions to anon, authenticated, service_role;

create schema auth authorization supabase_auth_admin;
-- The API roles may use the schema (to call auth.uid() and friends) but get
-- no privilege on auth.users: in Supabase only the auth server and
-- postgres read it.
grant usage on schema auth to anon, authenticated, service_role;

-- The columns of GoTrue's auth.users that matter here, plus a few for
-- realism. is_anonymous is what guests have set and what linking flips.
create table auth.users (
    id                 uuid primary key,
    email              text,
    phone              text,
    is_anonymous       boolean not null default false,
    email_confirmed_at timestamptz,
    raw_user_meta_data jsonb not null default '{}'::jsonb,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
alter table auth.users owner to supabase_auth_admin;
-- Supabase lets postgres (migrations) read auth.users and hang triggers on it.
grant all on table auth.users to postgres;

-- GoTrue's MFA factors (for the optional MFA migration): owned by the auth
-- server, RLS on and no grant to the API roles, as in Supabase, where only
-- postgres may read it.
create type auth.factor_status as enum ('unverified', 'verified');
create table auth.mfa_factors (
    id            uuid primary key,
    user_id       uuid not null references auth.users (id) on delete cascade,
    friendly_name text,
    factor_type   text not null default 'totp',
    status        auth.factor_status not null,
    secret        text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
alter table auth.mfa_factors owner to supabase_auth_admin;
alter table auth.mfa_factors enable row level security;
grant select on table auth.mfa_factors to postgres;

-- PostgREST puts the verified JWT's claims in request.jwt.claims (a JSON
-- text, transaction-local). Supabase's helpers read it with missing_ok, so
-- with no token they return null rather than failing; the older
-- request.jwt.claim.* settings are still consulted first, as Supabase does.
create function auth.jwt()
returns jsonb
language sql stable
as $$
    select coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;

create function auth.uid()
returns uuid
language sql stable
as $$
    select coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
    )::uuid
$$;

create function auth.role()
returns text
language sql stable
as $$
    select coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
    )::text
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role()
    to anon, authenticated, service_role;
