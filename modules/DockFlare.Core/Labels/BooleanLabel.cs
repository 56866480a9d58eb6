namespace DockFlare.Core.Labels;

/// <summary>DockFlare's boolean words: true/1/t/yes (any case) are true.</summary>
internal static class BooleanLabel
{
    private static readonly string[] TrueWords = ["true", "1", "t", "yes"];
    private static readonly string[] FalseWords = ["false", "0", "f", "no", ""];

    /// <summary>Reads a boolean; <paramref name="recognised"/> is false for words that are neither (they read as false).</summary>
    public static bool Parse(string value, out bool recognised)
    {
        var word = value.Trim().ToLowerInvariant();
        if (TrueWords.Contains(word))
        {
            recognised = true;
            return true;
        }

        recognised = FalseWords.Contains(word);
        return false;
    }
}
