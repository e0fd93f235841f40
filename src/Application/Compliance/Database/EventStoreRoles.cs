using System.Text.RegularExpressions;
using Npgsql;

namespace SolarEvents.Application.Compliance.Database;

/// <summary>
/// The two PostgreSQL roles (docs/compliance.md, "Append-only at the database"): an owner that holds the schema and
/// runs migrations, and the role the API and the projector connect with, which may insert and read events (and
/// digests) but never update, delete or truncate them. Other tables of the database (Marten's stream table, the
/// daemon's progress, Wolverine's) get ordinary read/write grants. Run as a superuser at deployment; idempotent.
/// Passwords are not this code's business: set them with <c>ALTER ROLE ... PASSWORD</c> from the secret store.
/// </summary>
public static partial class EventStoreRoles
{
    public const string DefaultOwner = "solarevents_owner";
    public const string DefaultApp = "solarevents_app";

    public static async Task ApplyAsync(
        NpgsqlDataSource superuser, string owner = DefaultOwner, string app = DefaultApp, CancellationToken cancellation = default)
    {
        // Role names cannot be parameters in DDL: they are checked against a strict pattern and quoted instead.
        var o = QuoteRole(owner);
        var a = QuoteRole(app);
        var sql = $$"""
            select pg_advisory_xact_lock(hashtext('solarevents.compliance.roles'));
            do $$ begin
                if not exists (select from pg_roles where rolname = '{{owner}}') then create role {{o}} login; end if;
            exception when duplicate_object or unique_violation then null; end $$;
            do $$ begin
                if not exists (select from pg_roles where rolname = '{{app}}') then create role {{a}} login; end if;
            exception when duplicate_object or unique_violation then null; end $$;

            alter schema solarevents owner to {{o}};
            do $$ declare item record; begin
                for item in select format('alter table %I.%I owner to {{o}}', schemaname, tablename) as ddl
                            from pg_tables where schemaname = 'solarevents'
                    union all select format('alter sequence %I.%I owner to {{o}}', sequence_schema, sequence_name)
                            from information_schema.sequences where sequence_schema = 'solarevents'
                    union all select format('alter routine %s owner to {{o}}', p.oid::regprocedure)
                            from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'solarevents'
                loop execute item.ddl; end loop;
            end $$;

            do $$ declare item record; begin
                for item in select nspname from pg_namespace
                            where nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and nspname not like 'pg_temp%' and nspname not like 'pg_toast_temp%'
                loop
                    execute format('grant usage on schema %I to {{a}}', item.nspname);
                    execute format('grant select, insert, update, delete on all tables in schema %I to {{a}}', item.nspname);
                    execute format('grant usage, select, update on all sequences in schema %I to {{a}}', item.nspname);
                    execute format('grant execute on all functions in schema %I to {{a}}', item.nspname);
                end loop;
            end $$;
            alter default privileges for role {{o}} in schema solarevents grant select, insert, update, delete on tables to {{a}};
            alter default privileges for role {{o}} in schema solarevents grant usage, select, update on sequences to {{a}};

            revoke update, delete, truncate on solarevents.mt_events, solarevents.compliance_digests from {{a}};
            revoke delete, truncate on solarevents.mt_streams from {{a}};
            revoke create on schema solarevents from {{a}};
            """;
        await using var connection = await superuser.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var command = new NpgsqlCommand(sql, connection, transaction)) await command.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
    }

    /// <summary>A role name as a quoted identifier, after checking it against a strict pattern.</summary>
    internal static string QuoteRole(string role) =>
        RoleName().IsMatch(role) ? "\"" + role + "\"" : throw new ArgumentException($"'{role}' is not an acceptable role name.", nameof(role));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
