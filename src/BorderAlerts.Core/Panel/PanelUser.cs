namespace BorderAlerts.Core.Panel;

/// <summary>Who a panel link or session is for, with the role the chat rules gave them when they asked for the link.</summary>
public sealed record PanelUser(string Platform, string UserId, string Name, bool IsAdmin)
{
    public string Role => IsAdmin ? "admin" : "reader";
}
