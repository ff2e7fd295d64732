using System.Globalization;

namespace BorderAlerts.Benchmarks.Parity;

/// <summary>`parity [--reference FILE] [--max-diffs N]`, run from the repository root.</summary>
public static class ParityCommand
{
    public static int Run(string[] args)
    {
        string reference = ReferenceFile.DefaultPath;
        int maxDifferences = 400;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--reference": reference = Next(); break;
                case "--max-diffs":
                    var n = Next();
                    maxDifferences = int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                        : throw new ArgumentException($"--max-diffs: '{n}' is not a whole number");
                    break;
                default: throw new ArgumentException($"unknown option '{args[i]}' (parity takes --reference FILE, --max-diffs N)");
            }
        }
        try { return ParityHarness.Run(Console.Out, reference, maxDifferences); }
        catch (ParityException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
