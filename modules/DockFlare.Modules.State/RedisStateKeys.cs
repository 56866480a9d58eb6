using DockFlare.Core.State;
using StackExchange.Redis;

namespace DockFlare.Modules.State;

/// <summary>The Redis keys of the state store, all under <c>dockflare:state:</c>.</summary>
internal static class RedisStateKeys
{
    public const string Prefix = "dockflare:state:";

    /// <summary>The schema version of the data in this database (a string).</summary>
    public static readonly RedisKey Schema = Prefix + "schema";

    /// <summary>A set of the sources whose route set is not empty.</summary>
    public static readonly RedisKey RouteSources = Prefix + "route-sources";

    /// <summary>A sorted set of owner keys scored by deadline (Unix milliseconds).</summary>
    public static readonly RedisKey GraceByTime = Prefix + "grace";

    /// <summary>A hash of owner key to the deadline's JSON.</summary>
    public static readonly RedisKey GraceRecords = Prefix + "grace:records";

    /// <summary>A hash of setting key to the setting's JSON.</summary>
    public static readonly RedisKey Settings = Prefix + "settings";

    /// <summary>The last change-log sequence number handed out (INCR).</summary>
    public static readonly RedisKey ChangeSequence = Prefix + "changes:seq";

    /// <summary>A sorted set of <c>sequence|json</c> members scored by sequence, capped by length.</summary>
    public static readonly RedisKey Changes = Prefix + "changes";

    /// <summary>A hash with fields <c>version</c> and <c>data</c> (the route set's JSON) for one source.</summary>
    public static RedisKey Routes(RouteSourceKey source) => Prefix + "routes:" + source;

    /// <summary>A hash of Cloudflare id to the ownership record's JSON for one object kind.</summary>
    public static RedisKey Ownership(OwnedObjectKind kind) => Prefix + "owned:" + kind.ToString().ToLowerInvariant();
}
