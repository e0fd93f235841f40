using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace SolarEvents.Projections.ReadModels;

/// <summary>
/// A MySQL named lock that the live projector holds while it writes a page, and a rebuild holds while it
/// swaps tables, so a page never lands in tables that are being swapped out.
/// </summary>
public static class ProjectorLock
{
    private const string Name = "solarevents.read_models";
    private const int TimeoutSeconds = 60;

    /// <summary>Takes the lock on the context's connection (opened and kept open until the returned handle is
    /// disposed, which releases the lock).</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(DbContext db, CancellationToken cancellation)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellation);
        var acquired = await ScalarAsync(connection, "SELECT GET_LOCK(@name, @timeout)", cancellation);
        if (acquired is not 1L and not 1) throw new TimeoutException("The read-model lock was not granted in time.");
        return new Release(db, connection);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameter(command, "@name", Name);
        AddParameter(command, "@timeout", TimeoutSeconds);
        return await command.ExecuteScalarAsync(cancellation);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed class Release(DbContext db, DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await ScalarAsync(connection, "SELECT RELEASE_LOCK(@name)", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
