using System.Reflection;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Host.Composition;

/// <summary>
/// Stands in for a provider interface no plugin registered (the Cloudflare plugin is missing or
/// broken): every call fails with a <see cref="CloudflareApiException"/> that says so. The modules
/// that use the interface still resolve, the master keeps starting, <c>/readyz</c> names the broken
/// plugin, and each reconcile reports why nothing reached Cloudflare.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy needs a type it can derive from
internal class UnavailableProvider : DispatchProxy
#pragma warning restore CA1852
{
    internal const string Message = "The Cloudflare provider is not loaded (plugin 'cloudflare' is missing or broken; see /readyz), so Cloudflare cannot be reached.";

    /// <summary>Every provider interface of the Cloudflare contract, which the modules take as dependencies.</summary>
    public static IReadOnlyList<Type> CloudflareInterfaces { get; } =
    [
        .. typeof(ICloudflareZones).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Namespace == typeof(ICloudflareZones).Namespace)
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    public static object For(Type contract) =>
        typeof(DispatchProxy).GetMethod(nameof(Create), 2, Type.EmptyTypes)!
            .MakeGenericMethod(contract, typeof(UnavailableProvider))
            .Invoke(null, null)!;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new CloudflareApiException(Message);
}
