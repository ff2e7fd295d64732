using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BorderAlerts.Core.Config;

/// <summary>Reads the YAML of a config file; text that is not YAML is a <see cref="ConfigException"/> naming file and line.</summary>
internal static class YamlText
{
    public static YamlStream Load(string yaml, string file)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try { stream.Load(new Parser(scanner)); }
        catch (YamlException e) { throw new ConfigException(file, (int)e.Start.Line, "yaml", e.InnerException?.Message ?? e.Message); }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow collections such as "[丹东"
            // followed by a block entry; the scanner's own position is where it gave up.
            throw new ConfigException(file, (int)scanner.CurrentPosition.Line, "yaml",
                "the scanner stopped here: is a '[', '{' or quote above left unclosed?");
        }
        return stream;
    }
}
