using Npgsql;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: BORDERALERTS_TEST_POSTGRES (`.ci/postgres` exports it), else the role and
/// database `.ci/postgres` creates on 127.0.0.1:5432. The role needs CREATEDB: every test gets a database of its own,
/// dropped afterwards. Without a reachable server the PostgreSQL tests are reported as skipped, with the reason, unless
/// BORDERALERTS_REQUIRE_POSTGRES=1 (CI), which makes them run and fail.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "BORDERALERTS_TEST_POSTGRES", RequireVariable = "BORDERALERTS_REQUIRE_POSTGRES";
    const string Default = "Host=127.0.0.1;Port=5432;Username=borderalerts;Password=borderalerts;Database=borderalerts_test";

    static readonly Lazy<string?> Problem = new(Probe);

    public static string AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : Default;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static bool Reachable => Problem.Value is null;

    /// <summary>host:port/database, without the password.</summary>
    public static string Location => BorderAlerts.Storage.Postgres.PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(AdminConnectionString));

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can (or must).</summary>
    public static string? SkipReason => Required || Problem.Value is null ? null
        : $"PostgreSQL not reachable ({Problem.Value}); set {Variable} or run `. .ci/postgres` to run the PostgreSQL tests";

    static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Timeout = 3, Pooling = false }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    /// <summary>A fresh, empty database; disposing drops it.</summary>
    public static TestDatabase CreateDatabase()
    {
        var name = "ba_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString);
    }
}

public sealed class TestDatabase(string name, string connectionString) : IDisposable
{
    public string ConnectionString { get; } = connectionString;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        admin.Open();
        // An autovacuum worker on the new database may briefly hold it, and a non-superuser cannot end that: try again.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (attempt < 20 && e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                Thread.Sleep(250);
            }
        }
    }
}

/// <summary>A test that needs PostgreSQL: skipped, with the reason, where none is reachable (see <see cref="TestPostgres"/>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.SkipReason;
}

public enum Store { Sqlite, Postgres }

/// <summary>
/// The PostgreSQL row of a theory over stores: <c>[Theory, InlineData(Store.Sqlite), PostgresData]</c>. Reported as
/// skipped, with the reason, where PostgreSQL is not reachable.
/// </summary>
public sealed class PostgresDataAttribute : Xunit.Sdk.DataAttribute
{
    public PostgresDataAttribute() => Skip = TestPostgres.SkipReason;

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[Store.Postgres]];
}

/// <summary>A theory that needs PostgreSQL: skipped, with the reason, where none is reachable.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestPostgres.SkipReason;
}

/// <summary>
/// A table of cases run on one store, the store passed first: <c>[Theory, StoreCases(Store.Sqlite, nameof(Cases)),
/// StoreCases(Store.Postgres, nameof(Cases))]</c> over a static member of object[] rows. The PostgreSQL rows are
/// reported as skipped, with the reason, where PostgreSQL is not reachable.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StoreCasesAttribute : Xunit.Sdk.DataAttribute
{
    readonly Store _store;
    readonly string _member;

    public StoreCasesAttribute(Store store, string member)
    {
        (_store, _member) = (store, member);
        if (store == Store.Postgres) Skip = TestPostgres.SkipReason;
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod)
    {
        const System.Reflection.BindingFlags Static = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var type = testMethod.DeclaringType!;
        var rows = (IEnumerable<object[]>)(type.GetProperty(_member, Static)?.GetValue(null) ?? type.GetField(_member, Static)!.GetValue(null)!);
        return rows.Select(row => (object[])[_store, .. row]);
    }
}
