using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Commands;

/// <summary>
/// Applies chat writes and keeps this process's view current: after a write the overlay is reloaded and the rules
/// recompiled at once, so the next poll already matches with them. Other instances pick changes up on their next tick.
/// </summary>
public sealed class AdminWriter(IAdminStore store, AdminOverlay overlay, FileRuleSource rules, TimeProvider clock)
{
    public async Task<AdminChange> WriteAsync(AdminWrite write, CancellationToken cancellationToken)
    {
        try
        {
            var change = await store.ApplyAsync(write, clock.GetUtcNow(), cancellationToken);
            await RefreshAsync(cancellationToken);
            return change;
        }
        catch (AdminConflictException)
        {
            await RefreshAsync(cancellationToken); // another instance wrote: a retry sees its change
            throw;
        }
    }

    /// <summary>Loads the stored state; recompiles the rules only when it changed.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var before = overlay.Current.Version;
        overlay.Replace(await store.LoadAsync(cancellationToken));
        if (overlay.Current.Version != before) rules.ReloadNow();
    }

    public Task<IReadOnlyList<AdminChange>> HistoryAsync(string? target, int limit, CancellationToken cancellationToken) =>
        store.HistoryAsync(target, null, limit, cancellationToken);

    /// <summary>A page of the history: changes older than <paramref name="before"/> (a change id), latest first.</summary>
    public Task<IReadOnlyList<AdminChange>> HistoryAsync(string? target, long? before, int limit, CancellationToken cancellationToken) =>
        store.HistoryAsync(target, before, limit, cancellationToken);

    public AdminState Current => overlay.Current;
}
