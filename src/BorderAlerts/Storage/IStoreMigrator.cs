namespace BorderAlerts.Storage;

/// <summary>Brings the database schema up to date; run once at start by every command that touches the store.</summary>
public interface IStoreMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
