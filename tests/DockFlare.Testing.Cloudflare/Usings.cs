global using DockFlare.Plugins.Abstractions.Cloudflare;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
