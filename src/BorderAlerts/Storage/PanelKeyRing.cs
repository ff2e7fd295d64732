using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace BorderAlerts.Storage;

/// <summary>
/// ASP.NET's data-protection keys (what signs the panel's anti-forgery tokens) in panel_keys, shared by every instance:
/// a form served by one instance is accepted by another, and by this one after a restart. Stored as ASP.NET writes them;
/// anyone who can read the store can already do more than forge a sign-out form. ASP.NET calls this rarely and
/// synchronously (when it loads or adds a key), so the calls wait on the store.
/// </summary>
/// <param name="writeLock">SQLite's one writer's turn; PostgreSQL needs none.</param>
public sealed class PanelKeyRing(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => WriteAsync(element, friendlyName).GetAwaiter().GetResult();

    async Task<IReadOnlyCollection<XElement>> ReadAsync()
    {
        await using var connection = await open(CancellationToken.None);
        await using var command = Db.Command(connection, "SELECT xml FROM panel_keys ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync();
        var elements = new List<XElement>();
        while (await reader.ReadAsync()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    async Task WriteAsync(XElement element, string friendlyName)
    {
        if (writeLock is not null) await writeLock.WaitAsync();
        try
        {
            await using var connection = await open(CancellationToken.None);
            await Db.Run(connection, "INSERT INTO panel_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING", CancellationToken.None,
                ("name", friendlyName), ("xml", element.ToString(SaveOptions.DisableFormatting)));
        }
        finally { writeLock?.Release(); }
    }
}
