namespace DockFlare.Modules.Auth;

/// <summary>The two roles: an admin changes anything; a viewer only reads.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";

    /// <summary>Whether <paramref name="role"/> is one of the two roles.</summary>
    public static bool IsKnown(string? role) => role is Admin or Viewer;
}
