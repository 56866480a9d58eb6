namespace DockFlare.Modules.State;

/// <summary>The record types of the embedded store, one file each.</summary>
internal static class FileRecordTypes
{
    public const string Routes = "routes";
    public const string Grace = "grace";
    public const string Ownership = "ownership";
    public const string Settings = "settings";
    public const string Changes = "changes";
}
