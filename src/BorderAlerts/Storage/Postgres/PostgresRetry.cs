using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Runs a transaction again when PostgreSQL chose it as a deadlock victim or a serialization failure, or when the
/// connection was lost (the server restarted, an administrator ended the session): all say "try again", and giving up
/// would leave a feed leased until its lease runs out. A connection lost during COMMIT may have committed; the writes
/// are safe to repeat (known keys become sightings, alerts are unique per item and rule, health needs the lease).
/// </summary>
internal static class PostgresRetry
{
    const int Attempts = 4;

    public static async Task RunAsync(Func<Task> transaction) => await RunAsync(async () => { await transaction(); return true; });

    public static async Task<T> RunAsync<T>(Func<Task<T>> transaction)
    {
        for (int attempt = 1; ; attempt++)
        {
            try { return await transaction(); }
            catch (NpgsqlException e) when (attempt < Attempts && Transient(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt * Random.Shared.Next(1, 5)));
            }
        }
    }

    static bool Transient(NpgsqlException e) => e is PostgresException p
        ? p.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
        : e.IsTransient; // the connection broke (I/O) or could not be opened
}
