using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// The Kestrel part of the fake translators: one POST route, scripted faults applied before the contract is checked,
/// refusals kept in <see cref="Rejected"/>, and deterministic "translations": the text behind <c>[en] </c> (the target's
/// language). Use as <c>IClassFixture</c>, or start and dispose one per test.
/// </summary>
public abstract class FakeTranslator : IAsyncLifetime
{
    readonly FakeHost _host = new();
    readonly ConcurrentQueue<TranslatorFault> _faults = new();
    readonly Journal<RejectedRequest> _rejected = new();
    readonly Journal<string> _accepted = new();

    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Requests refused for breaking the contract (key, content type, fields). Scripted faults are not here.</summary>
    public IReadOnlyList<RejectedRequest> Rejected => _rejected.Snapshot();

    /// <summary>The bodies of the requests translated, as sent.</summary>
    public IReadOnlyList<string> Accepted => _accepted.Snapshot();

    public IReadOnlyList<LoggedRequest> Requests => _host.Requests.Snapshot();

    /// <summary>Queues faults for the next requests, one each.</summary>
    public void Script(params TranslatorFault[] faults) { foreach (var fault in faults) _faults.Enqueue(fault); }

    public static string Translate(string text, string target) => $"[{target.Split('-')[0].ToLowerInvariant()}] {text}";

    protected abstract string Route { get; }

    /// <summary>The provider's error body for a message.</summary>
    protected abstract JsonNode Error(string message);

    /// <summary>Checks the request against the contract and answers it.</summary>
    protected abstract Task AnswerAsync(HttpContext context);

    public Task InitializeAsync() => _host.StartAsync(app => app.MapPost(Route, HandleAsync));

    public Task DisposeAsync() => _host.StopAsync();

    async Task HandleAsync(HttpContext context)
    {
        if (_faults.TryDequeue(out var fault))
        {
            await Task.Delay(fault.Delay, context.RequestAborted);
            if (fault.Release is { } release) await release.WaitAsync(context.RequestAborted);
            if (fault.Status != 0)
            {
                if (fault.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
                context.Response.StatusCode = fault.Status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(fault.Body ?? Error($"scripted {fault.Status}").ToJsonString(), context.RequestAborted);
                return;
            }
        }
        await AnswerAsync(context);
    }

    protected Task RefuseAsync(HttpContext context, int status, string message, string body)
    {
        _rejected.Add(new RejectedRequest("POST", Route, status, message, [message], body));
        return FakeReply.JsonAsync(context, status, Error(message));
    }

    protected Task AcceptAsync(HttpContext context, string body, JsonNode answer)
    {
        _accepted.Add(body);
        return FakeReply.JsonAsync(context, 200, answer);
    }
}
