using BorderAlerts.Core.WebSub;
using Microsoft.AspNetCore.Http.Features;

namespace BorderAlerts.Endpoints;

/// <summary>
/// The WebSub callbacks, {PublicUrl}/websub/{id}: a hub's GET verifies intent, its POST distributes content. What each
/// request is answered is the core's decision (<see cref="WebSubCallbacks"/>); this edge only reads the request, the
/// body no further than the fetch cap.
/// </summary>
public static class WebSubEndpoints
{
    public static void MapWebSub(this WebApplication app)
    {
        app.MapGet("/websub/{id}", async (string id, HttpRequest request, WebSubCallbacks callbacks, CancellationToken cancellationToken) =>
        {
            var q = request.Query;
            var answer = await callbacks.VerifyAsync(id, new HubVerification(q["hub.mode"], q["hub.topic"], q["hub.challenge"], q["hub.lease_seconds"],
                q["hub.reason"]), cancellationToken);
            return Answer(answer);
        });
        app.MapPost("/websub/{id}", async (string id, HttpRequest request, WebSubCallbacks callbacks, WebSubOptions options, CancellationToken cancellationToken) =>
        {
            var cap = (int)Math.Min(options.MaxBodyBytes, int.MaxValue - 1);
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = cap + 1L;
            async Task<byte[]?> ReadAsync(CancellationToken token)
            {
                try { return await RawBody.ReadAsync(request, cap, token); }
                catch (BadHttpRequestException) { return null; } // over the server's own limit
            }
            var headers = new List<KeyValuePair<string, string>>();
            if (request.ContentType is { } type) headers.Add(new("Content-Type", type));
            if (request.Headers.Link.ToString() is { Length: > 0 } link) headers.Add(new("Link", link));
            var answer = await callbacks.ReceiveAsync(id, request.Headers[HubSignature.Header], ReadAsync, request.ContentType, headers, cancellationToken);
            return Answer(answer);
        });
    }

    static IResult Answer(CallbackAnswer answer) =>
        answer.Body is { } body ? Results.Text(body, "text/plain; charset=utf-8", statusCode: answer.Status) : Results.StatusCode(answer.Status);
}
