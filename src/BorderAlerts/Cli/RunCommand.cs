using System.CommandLine;
using BorderAlerts.Hosting;

namespace BorderAlerts.Cli;

/// <summary>`run`: the service. Polls on schedule with Quartz and serves the HTTP endpoints until stopped.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter errors)
    {
        var urls = new Option<string[]>("--urls") { Description = "Listen addresses (default from ASPNETCORE_URLS, else http://localhost:5000)" };
        var command = new Command("run", "Run the service: poll on schedule, match, deliver (the default command)") { urls };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(urls) ?? [], ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] urls, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: true, urls);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        await app.RunAsync();
        return CliApp.Ok;
    }
}
