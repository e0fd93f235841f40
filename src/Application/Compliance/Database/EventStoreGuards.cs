using Npgsql;
using SolarEvents.Application.EventStore;

namespace SolarEvents.Application.Compliance.Database;

/// <summary>
/// The database half of tamper evidence, installed into the event store's schema after Marten created it:
/// a trigger that chains every inserted event to its stream's previous event (see <see cref="Chain.ChainHash"/>
/// for the canonical content, which this SQL and the C# verifier must agree on), triggers that refuse
/// UPDATE, DELETE and TRUNCATE of events and digests outside the maintenance switch, and the digest table.
/// Idempotent; concurrent installers serialize on an advisory lock. Needs the owner of the tables.
/// </summary>
public static class EventStoreGuards
{
    /// <summary>The session setting that lets the owner change events deliberately: <c>SET solarevents.maintenance = 'on'</c>.</summary>
    public const string MaintenanceSetting = "solarevents.maintenance";

    public const string DigestsTable = EventStoreConfiguration.SchemaName + ".compliance_digests";

    public static async Task InstallAsync(NpgsqlDataSource dataSource, CancellationToken cancellation = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellation);
        }

        await transaction.CommitAsync(cancellation);
    }

    /// <summary>True when the chaining trigger is in place (the API refuses to start without it).</summary>
    public static async Task<bool> AreInstalledAsync(NpgsqlDataSource dataSource, CancellationToken cancellation = default)
    {
        await using var command = dataSource.CreateCommand(
            "select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace " +
            "where n.nspname = $1 and c.relname = 'mt_events' and t.tgname in ('compliance_chain', 'compliance_append_only') and t.tgenabled <> 'D'");
        command.Parameters.AddWithValue(EventStoreConfiguration.SchemaName);
        return (long)(await command.ExecuteScalarAsync(cancellation))! == 2;
    }

    private const string Sql = """
        select pg_advisory_xact_lock(hashtext('solarevents.compliance.install'));

        create table if not exists solarevents.compliance_digests (
            id bigint generated always as identity primary key,
            created_at timestamptz not null,
            key_id text not null,
            root text not null,
            signature text not null,
            document text not null,
            heads jsonb not null);

        -- One field of the canonical content: its UTF-8 length, a colon, the text, a newline. Length-prefixed,
        -- so no value can imitate a field boundary. Null and empty are the same.
        create or replace function solarevents.compliance_field(value text) returns text
            language sql immutable as
            $$ select octet_length(coalesce(value, ''))::text || ':' || coalesce(value, '') || E'\n' $$;

        -- The metadata headers the hash covers: the object without the hash itself. Marten writes JSON null when a
        -- session set no headers; that counts as no headers.
        create or replace function solarevents.compliance_headers(headers jsonb) returns jsonb
            language sql immutable as
            $$ select case when jsonb_typeof(headers) = 'object' then headers - 'hash' else '{}'::jsonb end $$;

        create or replace function solarevents.compliance_event_hash(
            previous text, event_id uuid, stream_id uuid, version bigint, type text, stamp timestamptz,
            user_name text, correlation_id text, causation_id text, headers jsonb, data jsonb, bdata bytea) returns text
            language sql immutable as
            $$ select encode(sha256(convert_to(
                'solarevents.event-hash.v1' || E'\n'
                || solarevents.compliance_field(previous)
                || solarevents.compliance_field(event_id::text)
                || solarevents.compliance_field(stream_id::text)
                || solarevents.compliance_field(version::text)
                || solarevents.compliance_field(type)
                || solarevents.compliance_field(to_char(stamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                || solarevents.compliance_field(user_name)
                || solarevents.compliance_field(correlation_id)
                || solarevents.compliance_field(causation_id)
                || solarevents.compliance_field(solarevents.compliance_headers(headers)::text)
                || solarevents.compliance_field(data::text)
                || solarevents.compliance_field(encode(bdata, 'hex')), 'UTF8')), 'hex') $$;

        -- Chains each new event to the previous event of its stream. Per stream, no global lock: two appends
        -- racing for the same version both read the same predecessor, and the unique (stream_id, version)
        -- index lets only one of them commit. Earlier events of the same transaction are visible here.
        create or replace function solarevents.compliance_chain_event() returns trigger
            language plpgsql as
            $$
            declare previous text := '';
            begin
                if new.version > 1 then
                    select coalesce(e.headers ->> 'hash', '') into previous
                    from solarevents.mt_events e
                    where e.stream_id = new.stream_id and e.version = new.version - 1;
                end if;
                new.headers := solarevents.compliance_headers(new.headers) || jsonb_build_object('hash',
                    solarevents.compliance_event_hash(coalesce(previous, ''), new.id, new.stream_id, new.version, new.type,
                        new."timestamp", new.user_name, new.correlation_id, new.causation_id, new.headers, new.data, new.bdata));
                return new;
            end
            $$;

        create or replace function solarevents.compliance_refuse_change() returns trigger
            language plpgsql as
            $$
            begin
                if coalesce(current_setting('solarevents.maintenance', true), '') = 'on' then
                    if tg_op = 'DELETE' then return old; end if;
                    return new;
                end if;
                raise exception 'solarevents: % on %.% is refused: the audit trail is append-only', tg_op, tg_table_schema, tg_table_name
                    using errcode = 'insufficient_privilege';
            end
            $$;

        create or replace trigger compliance_chain before insert on solarevents.mt_events
            for each row execute function solarevents.compliance_chain_event();
        create or replace trigger compliance_append_only before update or delete on solarevents.mt_events
            for each row execute function solarevents.compliance_refuse_change();
        create or replace trigger compliance_no_truncate before truncate on solarevents.mt_events
            for each statement execute function solarevents.compliance_refuse_change();
        create or replace trigger compliance_streams_kept before delete on solarevents.mt_streams
            for each row execute function solarevents.compliance_refuse_change();
        create or replace trigger compliance_streams_no_truncate before truncate on solarevents.mt_streams
            for each statement execute function solarevents.compliance_refuse_change();
        create or replace trigger compliance_digests_append_only before update or delete on solarevents.compliance_digests
            for each row execute function solarevents.compliance_refuse_change();
        create or replace trigger compliance_digests_no_truncate before truncate on solarevents.compliance_digests
            for each statement execute function solarevents.compliance_refuse_change();
        """;
}
