global using DockFlare.Plugins.Abstractions.Cloudflare;
global using DockFlare.Plugins.Cloudflare.Tests.Support;
global using DockFlare.Testing.Cloudflare;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
