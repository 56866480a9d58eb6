namespace DockFlare.EndToEndTests.Support;

/// <summary>Polls a condition the processes reach asynchronously (never a fixed sleep).</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0} s waiting for: {what}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Polls until <paramref name="read"/> gives a value that is not null; returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, string what, TimeSpan? timeout = null)
        where T : class
    {
        T? value = null;
        await TrueAsync(async () => (value = await read()) is not null, what, timeout);
        return value!;
    }
}
