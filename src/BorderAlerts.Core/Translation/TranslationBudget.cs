namespace BorderAlerts.Core.Translation;

/// <summary>
/// The daily character budget (0: unlimited), counted in memory per process and starting afresh at midnight UTC: a
/// restart, or each of several instances, begins with the whole budget. It caps our own spending; the provider's quota
/// (DeepL's 456) is the hard limit. Characters are UTF-16 units, as the CJK text of the feeds counts them exactly.
/// </summary>
public sealed class TranslationBudget(long dailyCharacters, TimeProvider clock)
{
    readonly Lock _lock = new();
    DateOnly _day;
    long _spent;

    public long DailyCharacters => dailyCharacters;

    /// <summary>Takes <paramref name="characters"/> from today's budget, or nothing and false when they do not fit.</summary>
    public bool TrySpend(int characters)
    {
        lock (_lock)
        {
            RollOver();
            if (dailyCharacters > 0 && _spent + characters > dailyCharacters) return false;
            _spent += characters;
            return true;
        }
    }

    /// <summary>Gives back what a request that failed did not use (providers charge nothing for a failed request).</summary>
    public void Refund(int characters)
    {
        lock (_lock)
        {
            RollOver();
            _spent = Math.Max(0, _spent - characters);
        }
    }

    void RollOver()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (today == _day) return;
        _day = today;
        _spent = 0;
    }
}
