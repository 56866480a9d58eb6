namespace DockFlare.Core.Planning;

/// <summary>
/// The ownership marker DockFlare writes into the <c>comment</c> of every DNS record it creates:
/// <c>managed-by=dockflare; instance=&lt;instance id&gt;</c>. It survives a lost state store: a
/// record carrying this instance's marker is treated as owned even without an
/// <see cref="OwnershipRecord"/>. A marker of another instance means "owned by someone else".
/// Text around the marker is allowed, so a user may add their own note to the comment.
/// </summary>
public static class DnsOwnershipMarker
{
    /// <summary>The fixed part of the marker.</summary>
    public const string ManagedBy = "managed-by=dockflare";

    private const string InstanceKey = "instance=";

    /// <summary>The comment written on records of instance <paramref name="instanceId"/>.</summary>
    public static string Format(string instanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return ManagedBy + "; " + InstanceKey + instanceId;
    }

    /// <summary>Reads the instance id out of a comment; false when the comment carries no marker.</summary>
    public static bool TryReadInstance(string? comment, out string instanceId)
    {
        instanceId = "";
        if (comment is null)
        {
            return false;
        }

        var start = comment.IndexOf(ManagedBy, StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        var rest = comment[(start + ManagedBy.Length)..].TrimStart(';', ' ');
        if (!rest.StartsWith(InstanceKey, StringComparison.Ordinal))
        {
            return false;
        }

        var value = rest[InstanceKey.Length..];
        var end = value.IndexOfAny([';', ' ']);
        instanceId = end < 0 ? value : value[..end];
        return instanceId.Length > 0;
    }

    /// <summary>Whether <paramref name="comment"/> carries the marker of <paramref name="instanceId"/>.</summary>
    public static bool IsOwnedBy(string? comment, string instanceId) =>
        TryReadInstance(comment, out var found) && string.Equals(found, instanceId, StringComparison.Ordinal);
}
