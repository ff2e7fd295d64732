using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Core.Tests.Delivery;

public class CardOrReplyTests
{
    [Fact]
    public void An_item_goes_once_to_each_destination_whatever_number_of_rules_matched_it_and_to_the_console_by_default()
    {
        var taken = new HashSet<string>();
        Assert.Equal(["analysts", "ops"], CardOrReply.Destinations(["analysts", "ops", "analysts"], taken).ToList());
        Assert.Equal(["console"], CardOrReply.Destinations([], taken).ToList());
        Assert.Empty(CardOrReply.Destinations(["ops"], taken).ToList()); // a second rule of the same item
    }

    [Fact]
    public void A_story_with_a_card_at_the_destination_gets_a_reply_under_it()
    {
        Assert.Equal(("card", (long?)null), CardOrReply.For(null));
        Assert.Equal(("reply", (long?)42), CardOrReply.For(42));
    }

    [Theory]
    [InlineData("reply", "sent", DeliveryKind.Reply)]
    [InlineData("reply", "dead", DeliveryKind.Card)]
    [InlineData("card", null, DeliveryKind.Card)]
    [InlineData("card", "sent", DeliveryKind.Card)]
    public void A_claimed_reply_goes_under_its_card_only_once_the_card_was_sent(string stored, string? cardStatus, DeliveryKind expected)
    {
        Assert.Equal(expected, CardOrReply.Claimed(stored, cardStatus));
    }
}
