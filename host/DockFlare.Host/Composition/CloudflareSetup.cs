using DockFlare.CloudflareEmulator;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Host.Composition;

/// <summary>The Cloudflare account the master works in and, in sandbox mode, the emulator it started for it.</summary>
internal sealed record CloudflareSetup(CloudflareAccount Account, RunningEmulator? Emulator);
