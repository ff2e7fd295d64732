using BorderAlerts.Cli;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>No input ends in a stack trace: the parser's errors exit 2, and whatever else escapes exits 1 in one line.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class CommandLineEdgeTests
{
    static CliSession Session()
    {
        var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        return session;
    }

    [Theory]
    [InlineData("--title", new[] { "rules", "test", "--title" })]
    [InlineData("--jsonl", new[] { "rules", "test", "--jsonl" })]
    [InlineData("--feed", new[] { "poll", "--all", "--feed" })]
    public async Task An_option_without_its_value_exits_2_naming_the_option(string option, string[] args)
    {
        using var session = Session();

        var run = await session.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Required argument missing for option: '{option}'", run.Stderr);
    }

    [Fact]
    public async Task An_unexpected_failure_exits_1_with_one_line_and_no_stack_trace()
    {
        using var session = Session();
        var closed = new StringWriter();
        closed.Dispose(); // output that can no longer be written: the command fails in a way no handler expects
        using var errors = new StringWriter();

        var code = await CliApp.RunAsync(["rules", "test", "--title", "丹东 走私"], closed, errors);

        Assert.Equal(1, code);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: unexpected ObjectDisposedException: ", line);
    }
}
