using System.Globalization;

namespace DockFlare.Host.Web;

/// <summary>A time span in words for the UI ("12 s ago", "3 min ago"); the absolute time is always shown beside it.</summary>
internal static class RelativeTime
{
    public static string Ago(TimeSpan age)
    {
        var seconds = Math.Max(0, (long)age.TotalSeconds);
        return seconds switch
        {
            < 2 => "just now",
            < 120 => Format("{0} s ago", seconds),
            < 2 * 3600 => Format("{0} min ago", seconds / 60),
            < 2 * 86400 => Format("{0} h ago", seconds / 3600),
            _ => Format("{0} days ago", seconds / 86400),
        };
    }

    private static string Format(string format, long value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
