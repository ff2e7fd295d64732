using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Commands;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Cli;

/// <summary>
/// `discord register [--guild ID]` against the fake Discord, which enforces the command rules of
/// docs/platform-contracts.md §D5.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DiscordRegisterTests(FakeDiscord discord) : IClassFixture<FakeDiscord>
{
    const string Guild = "561884984214814744";

    CliSession Session(string? applicationId = null, string? botToken = null)
    {
        var session = new CliSession();
        session.Environment.Set("BorderAlerts__Discord__ApiBaseUrl", discord.ApiBase.ToString())
            .Set("BorderAlerts__Discord__ApplicationId", applicationId ?? discord.ApplicationId)
            .Set("BorderAlerts__Discord__BotToken", botToken ?? discord.BotToken);
        return session;
    }

    [Fact]
    public async Task Register_overwrites_the_global_commands_with_the_catalog_and_prints_them()
    {
        using var session = Session();

        var run = await session.RunAsync("discord", "register");

        Assert.Equal(0, run.ExitCode);
        var registered = discord.RegisteredCommands();
        Assert.Equal(CommandCatalog.All.Select(c => c.Name), registered.Select(c => c.GetProperty("name").GetString()));
        foreach (var (spec, json) in CommandCatalog.All.Zip(registered)) AssertMatches(spec, json);
        Assert.Contains("Registered 7 commands globally", run.Stdout);
        Assert.Contains("/mute target, duration (Manage Server only)", run.Stdout);
        Assert.DoesNotContain(discord.BotToken, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task Feeds_add_is_registered_with_a_kind_option_naming_the_kinds()
    {
        using var session = Session();

        await session.RunAsync("discord", "register");

        var feeds = discord.RegisteredCommands().Single(c => c.GetProperty("name").GetString() == "feeds");
        var add = feeds.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "add");
        var kind = add.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "kind");
        Assert.Equal(3, kind.GetProperty("type").GetInt32()); // a string
        Assert.False(kind.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.Contains("state media, wire, government, ngo, newspaper, blog, other", kind.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Only_the_admin_command_needs_Manage_Server()
    {
        using var session = Session();

        await session.RunAsync("discord", "register");

        var permissions = discord.RegisteredCommands().ToDictionary(c => c.GetProperty("name").GetString()!,
            c => c.GetProperty("default_member_permissions").ValueKind == JsonValueKind.String ? c.GetProperty("default_member_permissions").GetString() : null);
        Assert.Equal(new Dictionary<string, string?> { ["search"] = null, ["rules"] = null, ["feeds"] = null, ["mute"] = "32", ["watchlists"] = null, ["briefings"] = null, ["panel"] = null }, permissions);
    }

    [Fact]
    public async Task With_admin_roles_set_the_admin_command_is_not_hidden_behind_Manage_Server()
    {
        using var session = Session();
        session.Environment.Set("BorderAlerts__Discord__AdminRoleIds__0", "876543210987654321");

        var run = await session.RunAsync("discord", "register");

        Assert.Equal(0, run.ExitCode);
        var mute = discord.RegisteredCommands().Single(c => c.GetProperty("name").GetString() == "mute");
        Assert.False(mute.TryGetProperty("default_member_permissions", out var permissions) && permissions.ValueKind == JsonValueKind.String);
        Assert.DoesNotContain("(Manage Server only)", run.Stdout);
    }

    [Fact]
    public async Task Feeds_add_offers_no_source_type_chat_cannot_add()
    {
        using var session = Session();

        await session.RunAsync("discord", "register");

        var feeds = discord.RegisteredCommands().Single(c => c.GetProperty("name").GetString() == "feeds");
        var add = feeds.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "add");
        Assert.DoesNotContain("type", add.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.DoesNotContain("\"html\"", add.GetRawText());
    }

    [Fact]
    public async Task Commands_are_registered_for_servers_only()
    {
        using var session = Session();

        await session.RunAsync("discord", "register");

        Assert.All(discord.RegisteredCommands(), c =>
        {
            Assert.Equal("[0]", c.GetProperty("contexts").GetRawText());
            Assert.Equal("[0]", c.GetProperty("integration_types").GetRawText());
        });
    }

    [Fact]
    public async Task Register_with_a_guild_overwrites_that_guilds_commands()
    {
        using var session = Session();

        var run = await session.RunAsync("discord", "register", "--guild", Guild);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CommandCatalog.All.Count, discord.RegisteredCommands(Guild).Count);
        Assert.All(discord.RegisteredCommands(Guild), c => Assert.Equal(Guild, c.GetProperty("guild_id").GetString()));
        Assert.Equal(Guild, discord.CommandOverwrites[^1].GuildId);
        Assert.Contains($"in guild {Guild}", run.Stdout);
    }

    [Fact]
    public async Task Missing_application_id_and_bot_token_exit_2_naming_both_settings_without_calling_Discord()
    {
        using var session = Session(applicationId: "", botToken: "");
        var before = discord.Requests.Count;

        var run = await session.RunAsync("discord", "register");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("BorderAlerts:Discord:ApplicationId", run.Stderr);
        Assert.Contains("BorderAlerts:Discord:BotToken", run.Stderr);
        Assert.Equal(before, discord.Requests.Count);
    }

    [Fact]
    public async Task A_guild_that_is_not_an_id_exits_2()
    {
        using var session = Session();

        Assert.Equal(2, (await session.RunAsync("discord", "register", "--guild", "my-server")).ExitCode);
    }

    [Fact]
    public async Task A_wrong_bot_token_exits_1_with_Discords_message_and_never_prints_the_token()
    {
        using var session = Session(botToken: "wrong-secret-token-value");

        var run = await session.RunAsync("discord", "register");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Discord 401 401: Unauthorized", run.Stderr);
        Assert.DoesNotContain("wrong-secret-token-value", run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task An_invalid_form_body_is_reported_field_by_field_with_the_command_name()
    {
        var bad = JsonNode.Parse("""
            [{"name":"bad","type":1,"description":"d","options":[
              {"name":"a","type":3,"description":"optional first","required":false},
              {"name":"b","type":3,"description":"then required","required":true}]}]
            """)!.AsArray();
        using var services = new ServiceCollection().AddHttpClient().AddSingleton<DiscordCommandRegistrar>().BuildServiceProvider();
        var app = new DiscordApp(discord.ApiBase, discord.ApplicationId, discord.BotToken);

        var result = await services.GetRequiredService<DiscordCommandRegistrar>().OverwriteAsync(app, "42", bad, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.StartsWith("Discord 400 Invalid Form Body (code 50035)", result.Detail);
        Assert.Contains("/bad.options.1.required: Required options must be placed before non-required options (APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID)", result.Detail);
        Assert.Empty(discord.RegisteredCommands("42"));
    }

    [Fact]
    public void Descriptions_longer_than_100_characters_are_cut_with_an_ellipsis()
    {
        var spec = new CommandSpec("long", new string('d', 150), [new OptionSpec("x", new string('o', 101))], [], "/long");

        var json = DiscordCommandJson.Command(spec);

        Assert.Equal(100, json["description"]!.GetValue<string>().Length);
        Assert.EndsWith("…", json["description"]!.GetValue<string>());
        Assert.Equal(100, json["options"]![0]!["description"]!.GetValue<string>().Length);
    }

    /// <summary>The registered command says what the catalog says: names, descriptions, option types, required, choices.</summary>
    static void AssertMatches(CommandSpec spec, JsonElement json)
    {
        Assert.Equal((1, spec.Description), (json.GetProperty("type").GetInt32(), json.GetProperty("description").GetString()));
        var options = json.GetProperty("options").EnumerateArray().ToList();
        if (spec.Subcommands.Count == 0) { AssertOptions(spec.Options, options); return; }
        Assert.Equal(spec.Subcommands.Select(s => s.Name), options.Select(o => o.GetProperty("name").GetString()));
        foreach (var (sub, option) in spec.Subcommands.Zip(options))
        {
            Assert.Equal((1, sub.Description), (option.GetProperty("type").GetInt32(), option.GetProperty("description").GetString()));
            AssertOptions(sub.Options, option.GetProperty("options").EnumerateArray().ToList());
        }
    }

    static void AssertOptions(IReadOnlyList<OptionSpec> specs, List<JsonElement> options)
    {
        Assert.Equal(specs.Select(s => s.Name), options.Select(o => o.GetProperty("name").GetString()));
        foreach (var (spec, option) in specs.Zip(options))
        {
            Assert.Equal(spec.Kind == OptionKind.Integer ? 4 : 3, option.GetProperty("type").GetInt32());
            Assert.Equal(spec.Required, option.GetProperty("required").GetBoolean());
            var choices = option.TryGetProperty("choices", out var c) ? c.EnumerateArray().Select(x => x.GetProperty("value").GetString()!).ToList() : [];
            Assert.Equal(spec.Choices ?? [], choices);
        }
    }
}
