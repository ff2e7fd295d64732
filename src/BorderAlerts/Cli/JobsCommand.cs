using System.CommandLine;
using BorderAlerts.Commands;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Storage;
using BorderAlerts.Hosting;
using BorderAlerts.Jobs;
using BorderAlerts.Settings;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Cli;

/// <summary>
/// `jobs list|pause|resume|run`: the service's Quartz jobs, what runs them, and the live instances. A pause, resume or
/// run is an audited admin change like a chat one; every running instance applies it to its schedulers within
/// <see cref="AdminRefreshJob.Every"/>.
/// </summary>
public static class JobsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("jobs", "The scheduled jobs: list them, pause or resume one on every instance, or run one now");
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "Jobs (schedule, where they run, paused or not) and the live instances") { json };
        list.SetAction((parse, ct) => ListAsync(output, parse.GetValue(json), ct));
        command.Subcommands.Add(list);
        foreach (var (verb, what) in new[] { ("pause", "Pause a job on every instance"), ("resume", "Resume a paused job"), ("run", "Run a pass now on every instance") })
        {
            var name = new Argument<string>("job") { Description = string.Join(", ", ScheduledJobs.All.Where(j => j.Controllable).Select(j => j.Name)) };
            var sub = new Command(verb, what) { name };
            sub.SetAction((parse, ct) => ControlAsync(output, verb, parse.GetValue(name)!, ct));
            command.Subcommands.Add(sub);
        }
        return command;
    }

    static async Task<int> ListAsync(TextWriter output, bool json, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var (polling, delivery) = (app.Services.GetRequiredService<IOptions<PollingSettings>>().Value,
            app.Services.GetRequiredService<IOptions<DeliverySettings>>().Value);
        var state = app.Services.GetRequiredService<AdminWriter>().Current;
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var live = await app.Services.GetRequiredService<IInstanceHeartbeats>().LiveAsync(now, cancellationToken);
        var jobs = ScheduledJobs.All.Select(j => (Job: j, Every: Schedulers.Interval(j, polling, delivery), Paused: Paused(state, j))).ToList();
        if (json)
        {
            output.WriteLine(CliJson.Serialize(new
            {
                jobs = jobs.Select(j => new
                {
                    name = j.Job.Name, runsOn = j.Job.EveryInstance ? "every instance" : "one instance", everySeconds = j.Every.TotalSeconds,
                    paused = j.Paused, controllable = j.Job.Controllable, what = j.Job.What,
                }),
                instances = live.Select(i => new { id = i.Id, startedAt = i.StartedAt, lastBeat = i.LastBeat }),
            }));
            return CliApp.Ok;
        }
        CliTable.Write(output, ["JOB", "RUNS ON", "EVERY", "STATE", "WHAT"], [.. jobs.Select(j => new[]
        {
            j.Job.Name, j.Job.EveryInstance ? "every instance" : "one instance", CliTable.Span(j.Every), j.Paused ? "paused" : "scheduled", j.Job.What,
        })]);
        output.WriteLine();
        output.WriteLine(live.Count == 0 ? "No live instance (no service running on this store)." : $"Live instances ({live.Count}):");
        foreach (var i in live) output.WriteLine($"  {i.Id}  started {CliTable.Ago(i.StartedAt, now)}, last beat {CliTable.Ago(i.LastBeat, now)}");
        return CliApp.Ok;
    }

    static async Task<int> ControlAsync(TextWriter output, string verb, string name, CancellationToken cancellationToken)
    {
        var job = ScheduledJobs.Named(name) ?? throw new CliInputException(
            $"no job '{name}'; jobs are {string.Join(", ", ScheduledJobs.All.Select(j => j.Name))}");
        if (!job.Controllable) throw new CliInputException($"job '{name}' keeps the service running and cannot be paused or run by hand");
        if (verb == "run" && !job.EveryInstance)
            throw new CliInputException($"job '{name}' runs on one instance of the cluster on its own schedule; it can be paused or resumed, not run by hand");
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var writer = app.Services.GetRequiredService<AdminWriter>();
        var before = writer.Current.Get(AdminKinds.Job, job.Name);
        var current = AdminJson.Job(before) ?? new JobOverride(false);
        var after = verb switch
        {
            "pause" => current with { Paused = true },
            "resume" => current with { Paused = false },
            _ => current with { RunRequests = current.RunRequests + 1 },
        };
        await writer.WriteAsync(new AdminWrite($"cli:{Environment.UserName}", AdminKinds.Job, job.Name, $"jobs {verb}", AdminJson.Job(after),
            Expected: new AdminExpectation(before)), cancellationToken);
        output.WriteLine($"{job.Name}: {(verb == "run" ? "run requested" : verb == "pause" ? "paused" : "resumed")}; running instances apply it within {AdminRefreshJob.Every.TotalSeconds:0}s.");
        return CliApp.Ok;
    }

    static bool Paused(AdminState state, ScheduledJob job) => AdminJson.Job(state.Get(AdminKinds.Job, job.Name))?.Paused == true;
}
