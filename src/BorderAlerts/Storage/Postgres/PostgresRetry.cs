using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Runs a transaction again when PostgreSQL chose it as a deadlock victim or a serialization failure: both say
/// "try again", and giving up would leave a feed leased until its lease runs out.
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
            catch (PostgresException e) when (attempt < Attempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt * Random.Shared.Next(1, 5)));
            }
        }
    }
}
