using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>Settings the host cannot use stop a command with exit code 2 naming the key or the file and line, never the value.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SettingsErrorTests
{
    /// <summary>The public key of RFC 8032's first Ed25519 test vector: a real key.</summary>
    const string RealPublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    static CliSession Session()
    {
        var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        return session;
    }

    [Theory]
    [InlineData("Polling__TickSeconds", "abc", "BorderAlerts:Polling:TickSeconds: is not a whole number")]
    [InlineData("Polling__MaxBackoffHours", "four", "BorderAlerts:Polling:MaxBackoffHours: is not a number")]
    [InlineData("Fetch__AllowPrivateAddresses", "maybe", "BorderAlerts:Fetch:AllowPrivateAddresses: is not true or false")]
    [InlineData("Storage__ConnectionString", "Data Source=x.db;Colour=red", "BorderAlerts:Storage:ConnectionString: is not a valid SQLite connection string")]
    public async Task A_setting_of_the_wrong_kind_exits_2_naming_the_key_not_the_value(string key, string value, string expected)
    {
        using var session = Session();
        session.Environment.Set("BorderAlerts__" + key, value);

        var run = await session.RunAsync("poll", "--all");

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Contains(expected, run.Stderr);
        Assert.DoesNotContain(value, run.Stderr);
    }

    [Theory]
    [InlineData("rules validate")]
    [InlineData("discord register")]
    [InlineData("migrate")]
    [InlineData("feeds list")]
    public async Task A_command_that_reads_one_concern_still_refuses_a_bad_key_in_another(string command)
    {
        using var session = Session();
        session.Environment.Set("BorderAlerts__Polling__TickSeconds", "0");

        var run = await session.RunAsync(command.Split(' '));

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Equal("error: settings: BorderAlerts:Polling:TickSeconds: 0 is outside 1–3600", run.Stderr.Trim());
    }

    [Fact]
    public async Task Bad_keys_in_several_sections_are_all_named_in_one_run()
    {
        using var session = Session();
        session.Environment.Set("BorderAlerts__Delivery__TimeoutSeconds", "0").Set("BorderAlerts__Storage__Provider", "mysql")
            .Set("BorderAlerts__Destinations__ops__Type", "fax");

        var run = await session.RunAsync("poll", "--all");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([
            "error: settings: BorderAlerts:Storage:Provider: 'mysql' is not sqlite or postgres",
            "error: settings: BorderAlerts:Destinations:ops:Type: 'fax' is not one of discord-webhook, discord-bot, slack, slack-webhook, email, console",
            "error: settings: BorderAlerts:Delivery:TimeoutSeconds: 0 is outside 1–120",
        ], run.Stderr.Trim().Split(Environment.NewLine));
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("0200000000000000000000000000000000000000000000000000000000000000")]
    public async Task A_discord_public_key_that_is_not_one_is_refused_at_start_without_printing_it(string key)
    {
        using var session = Session();
        session.Environment.Set("BorderAlerts__Discord__PublicKey", key);

        var run = await session.RunAsync("poll", "--all");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("BorderAlerts:Discord:PublicKey: is not an Ed25519 public key", run.Stderr);
        Assert.DoesNotContain(key, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task A_real_discord_public_key_is_accepted()
    {
        using var session = Session();
        session.Environment.Set("BorderAlerts__Discord__PublicKey", RealPublicKey);

        var run = await session.RunAsync("poll", "--all");

        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    [Fact]
    public async Task A_broken_appsettings_json_exits_2_naming_file_and_line()
    {
        using var session = Session();
        File.WriteAllText(Path.Combine(session.Folder.Root, "appsettings.json"),
            "{\n  \"BorderAlerts\": {\n    \"ConfigDir\": \"config\"\n    \"DataDir\": \"data\"\n  }\n}\n");
        var started = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(session.Folder.Root); // the host reads appsettings.json where it was started
        try
        {
            var run = await session.RunAsync("poll", "--all");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("appsettings.json:4: json: ", run.Stderr);
        }
        finally { Directory.SetCurrentDirectory(started); }
    }
}
