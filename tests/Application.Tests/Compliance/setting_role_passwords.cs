using Npgsql;
using SolarEvents.Application.Compliance.Database;
using SolarEvents.TestSupport;

namespace SolarEvents.Application.Tests.Compliance;

/// <summary>
/// The schema step sets the app role's password as a SCRAM verifier computed client-side. PostgreSQL stores a string it
/// recognises as a verifier as it is, and hashes anything else as a plaintext password, so a verifier that survives
/// unchanged and matches PostgreSQL's own computation is one the server will authenticate against.
/// </summary>
public sealed class setting_role_passwords : IAsyncLifetime
{
    private readonly string _role = "solar_pw_" + Guid.NewGuid().ToString("N")[..12];
    private TestDatabases _databases = null!;
    private NpgsqlDataSource _superuser = null!;

    public async Task InitializeAsync()
    {
        _databases = await TestDatabases.CreateAsync();
        _superuser = NpgsqlDataSource.Create(_databases.Postgres);
        await ExecuteAsync($"create role {_role} login");
    }

    public async Task DisposeAsync()
    {
        await ExecuteAsync($"drop role if exists {_role}");
        await _superuser.DisposeAsync();
        await _databases.DisposeAsync();
    }

    [Fact]
    public async Task the_verifier_matches_the_one_postgresql_computes_from_the_same_password()
    {
        await ExecuteAsync($"set password_encryption = 'scram-sha-256'; alter role {_role} password 'Tr0ub4dor & 3 horses'");
        var stored = Assert.IsType<string>(await StoredAsync());

        Assert.StartsWith("SCRAM-SHA-256$", stored, StringComparison.Ordinal);
        Assert.True(RolePasswords.Matches(stored, "Tr0ub4dor & 3 horses"));
        Assert.False(RolePasswords.Matches(stored, "Tr0ub4dor & 3 horse"));
    }

    [Fact]
    public async Task a_set_password_is_stored_as_sent_and_setting_it_again_changes_nothing()
    {
        Assert.True(await RolePasswords.SetAsync(_superuser, _role, "first-password-1"));
        var first = Assert.IsType<string>(await StoredAsync());
        Assert.False(await RolePasswords.SetAsync(_superuser, _role, "first-password-1"));
        Assert.Equal(first, await StoredAsync());
        Assert.True(await RolePasswords.SetAsync(_superuser, _role, "second-password-2"));
        var second = Assert.IsType<string>(await StoredAsync());

        Assert.Matches(@"^SCRAM-SHA-256\$4096:", first);
        Assert.True(RolePasswords.Matches(first, "first-password-1"));
        Assert.True(RolePasswords.Matches(second, "second-password-2"));
        Assert.False(RolePasswords.Matches(second, "first-password-1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pässword-with-umlaut")]
    [InlineData("tab\tinside")]
    public async Task passwords_outside_printable_ascii_are_refused(string password)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => RolePasswords.SetAsync(_superuser, _role, password));
        Assert.Null(await StoredAsync());
    }

    private async Task<string?> StoredAsync()
    {
        await using var command = _superuser.CreateCommand("select rolpassword from pg_authid where rolname = $1");
        command.Parameters.AddWithValue(_role);
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _superuser.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
