using BorderAlerts.Core.Storage;

namespace BorderAlerts.Hosting;

/// <summary>
/// GET /healthz: 200 "ok" while the store can be read and written, else 503 naming what is wrong (never a connection
/// string), so a load balancer or systemd stops sending work to an instance that would lose it. HEAD answers the same
/// status without the body: many load balancers' probes use it.
/// </summary>
public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) => app.MapMethods("/healthz", [HttpMethods.Get, HttpMethods.Head], async (IStoreProbe store, ILogger<IStoreProbe> log, CancellationToken ct) =>
    {
        if (await store.ProblemAsync(ct) is not { } problem) return Results.Text("ok");
        log.LogError("Health check failed: {Problem}", problem);
        return Results.Text("store: " + problem, statusCode: StatusCodes.Status503ServiceUnavailable);
    });
}
