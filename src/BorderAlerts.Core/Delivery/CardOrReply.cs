namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Where an alert goes and as what (ADR 0004, 0009): each destination of its rule (the console when the rule names
/// none) once per item, however many rules matched it; a card, unless its story already has a live card at that
/// destination, in which case a reply under that card. The stores look the card up and write what this says.
/// </summary>
public static class CardOrReply
{
    public const string Console = "console";

    /// <summary>The destinations this alert still needs, given the ones the item's earlier alerts took.</summary>
    public static IEnumerable<string> Destinations(IReadOnlyList<string> to, HashSet<string> alreadyForItem) =>
        (to.Count == 0 ? [Console] : to).Distinct().Where(alreadyForItem.Add);

    /// <summary>"card", or "reply" under the story's card at this destination.</summary>
    public static (string Kind, long? Parent) For(long? storyCard) => storyCard is null ? ("card", null) : ("reply", storyCard);

    /// <summary>
    /// How a claimed delivery goes out: a reply under its card once the card was sent; a reply whose card went dead is
    /// sent as a card of its own (the outbox claims a reply only after its card was sent or went dead).
    /// </summary>
    public static DeliveryKind Claimed(string storedKind, string? cardStatus) =>
        storedKind == "reply" && cardStatus == "sent" ? DeliveryKind.Reply : DeliveryKind.Card;
}
