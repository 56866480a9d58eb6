namespace DockFlare.Host.Web.DryRun;

/// <summary>A finding an admin hid from the plan page, with who did it and when.</summary>
/// <param name="Key">The finding's <see cref="PlanFinding.Key"/>.</param>
/// <param name="Description">The finding as it read when it was hidden.</param>
/// <param name="By">The user who hid it.</param>
/// <param name="At">When.</param>
internal sealed record IgnoredFinding(string Key, string Description, string By, DateTimeOffset At);
