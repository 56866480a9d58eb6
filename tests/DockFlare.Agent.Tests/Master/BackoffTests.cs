using DockFlare.Agent.Master;

namespace DockFlare.Agent.Tests.Master;

public sealed class BackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    [Fact]
    public void Next_TopOfTheJitter_DoublesFromOneSecondUpToTheCap()
    {
        var backoff = new Backoff(Initial, Cap, TimeSpan.FromMinutes(10), () => 1.0);

        var delays = Enumerable.Range(0, 10).Select(_ => backoff.Next().TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60, 60], delays);
    }

    [Fact]
    public void Next_FullJitter_StaysWithinZeroAndTheBound()
    {
        var random = new Random(7);
        var backoff = new Backoff(Initial, Cap, TimeSpan.FromMinutes(10), random.NextDouble);

        for (var failure = 1; failure <= 200; failure++)
        {
            var delay = backoff.Next();
            var bound = Math.Min(60, Math.Pow(2, Math.Min(failure - 1, 30)));
            Assert.InRange(delay.TotalSeconds, 0, bound);
        }

        Assert.Equal(TimeSpan.Zero, new Backoff(Initial, Cap, TimeSpan.FromMinutes(10), () => 0.0).Next());
    }

    [Fact]
    public void Next_RetryAfter_IsObeyed_AndCutToTheMaximum()
    {
        var backoff = new Backoff(Initial, Cap, TimeSpan.FromMinutes(10), () => 1.0);

        Assert.Equal(TimeSpan.FromSeconds(7), backoff.Next(TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromMinutes(10), backoff.Next(TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromSeconds(4), backoff.Next()); // the failures still count: third one
    }

    [Fact]
    public void Reset_StartsAgainFromTheInitialDelay()
    {
        var backoff = new Backoff(Initial, Cap, TimeSpan.FromMinutes(10), () => 1.0);
        backoff.Next();
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(Initial, backoff.Next());
    }
}
