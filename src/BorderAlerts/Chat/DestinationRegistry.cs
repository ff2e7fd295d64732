using BorderAlerts.Settings;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Chat.Slack;
using BorderAlerts.Chat.Email;
using BorderAlerts.Core.Delivery;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Chat;

/// <summary>The destinations named in settings, built once. "console" always exists; with nothing configured, it is all there is.</summary>
public sealed class DestinationRegistry : IDestinations
{
    readonly Dictionary<string, IChatSink> _sinks = new(StringComparer.Ordinal);

    public DestinationRegistry(IOptions<DestinationSettings> destinations, IOptions<DiscordSettings> discordSettings, IOptions<SlackSettings> slackSettings,
        ConsoleSink console, DiscordClient discord, SlackClient slack, DeliveryOptions delivery)
    {
        var (o, discordApp, slackApp) = (destinations.Value, discordSettings.Value, slackSettings.Value);
        _sinks["console"] = console;
        foreach (var (name, d) in o.Destinations)
        {
            IChatSink sink = d.Type switch
            {
                "discord-webhook" => new DiscordWebhookSink(new Uri(d.Url!), discord),
                "discord-bot" => new DiscordBotSink(new Uri(discordApp.ApiBaseUrl), d.Channel!, d.Token ?? discordApp.BotToken!, discord),
                "slack" => new SlackBotSink(new Uri(slackApp.ApiBaseUrl), d.Channel!, d.Token ?? slackApp.BotToken!, slack),
                "slack-webhook" => new SlackWebhookSink(new Uri(d.Url!), slack),
                "email" => new EmailSink(new Uri(d.Url!), MimeKit.MailboxAddress.Parse(d.From!), [.. EmailAddresses.Split(d.Channel).Select(MimeKit.MailboxAddress.Parse)],
                    d.Token, delivery),
                _ => console,
            };
            _sinks[name] = string.IsNullOrWhiteSpace(d.Mention) ? sink : new CriticalMentionSink(sink, d.Mention);
        }
        AdminDestination = o.AdminDestination;
    }

    public IChatSink? Find(string name) => _sinks.GetValueOrDefault(name);

    public string? AdminDestination { get; }
}
