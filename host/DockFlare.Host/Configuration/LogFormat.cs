namespace DockFlare.Host.Configuration;

/// <summary>The console log format.</summary>
internal enum LogFormat
{
    /// <summary>One human-readable line per event.</summary>
    Text,

    /// <summary>Compact JSON (CLEF), one object per line, for log shippers.</summary>
    Json,
}
