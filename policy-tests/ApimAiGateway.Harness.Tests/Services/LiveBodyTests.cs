using System.Text;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Services;

public sealed class LiveBodyTests
{
    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Every_reader_sees_every_chunk_in_order_and_empty_chunks_are_dropped()
    {
        var body = new LiveBody([Bytes("a"), ReadOnlyMemory<byte>.Empty, Bytes("bc")]);

        var first = new List<string>();
        await foreach (var chunk in body.ReadAsync())
        {
            first.Add(Encoding.UTF8.GetString(chunk.Span));
        }

        Assert.Equal(["a", "bc"], first);
        Assert.Equal("abc", Encoding.UTF8.GetString(await body.ReadToEndAsync()));
        Assert.Equal("abc", Encoding.UTF8.GetString(body.ReadToEnd()));
        Assert.True(body.HasEnded);
    }

    [Fact]
    public async Task A_tap_runs_once_with_the_whole_body_when_the_last_chunk_has_passed()
    {
        var gate = new TaskCompletionSource();
        var body = new LiveBody(Chunks(gate.Task));
        var seen = new List<string>();
        body.WhenEnded(whole => seen.Add(Encoding.UTF8.GetString(whole.Span)));

        await using var reader = body.ReadAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        var seenBeforeEnd = seen.Count;
        gate.SetResult();
        await body.ReadToEndAsync();
        body.WhenEnded(whole => seen.Add("late " + whole.Length));

        Assert.Equal(0, seenBeforeEnd);
        Assert.Equal(["one two", "late 7"], seen);
    }

    [Fact]
    public async Task A_sender_failure_reaches_every_reader_after_the_chunks_that_arrived()
    {
        var body = new LiveBody(Failing());

        var received = new List<int>();
        var failure = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var chunk in body.ReadAsync())
            {
                received.Add(chunk.Length);
            }
        });

        Assert.Equal([3], received);
        Assert.Equal("connection reset", failure.Message);
        await Assert.ThrowsAsync<IOException>(async () => await body.ReadToEndAsync());
    }

    [Fact]
    public async Task Disposing_a_body_before_its_end_stops_its_sender_and_fails_later_reads()
    {
        var senderReleased = false;
        var body = new LiveBody(Endless(() => senderReleased = true));
        var seen = new List<int>();
        body.WhenEnded(whole => seen.Add(whole.Length));
        await using (var reader = body.ReadAsync().GetAsyncEnumerator())
        {
            Assert.True(await reader.MoveNextAsync());
        }

        await body.DisposeAsync();

        Assert.True(senderReleased);
        Assert.True(body.HasEnded);
        Assert.Equal([1], seen);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await body.ReadToEndAsync());
    }

    [Fact]
    public async Task Disposing_a_body_that_has_ended_changes_nothing()
    {
        var body = new LiveBody([Bytes("abc")]);
        await body.ReadToEndAsync();

        await body.DisposeAsync();

        Assert.Equal("abc", Encoding.UTF8.GetString(await body.ReadToEndAsync()));
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Endless(Action released)
    {
        try
        {
            while (true)
            {
                await Task.Yield();
                yield return Bytes("x");
            }
        }
        finally
        {
            released();
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(Task gate)
    {
        yield return Bytes("one");
        await gate;
        yield return Bytes(" two");
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Failing()
    {
        yield return Bytes("abc");
        await Task.Yield();
        throw new IOException("connection reset");
    }
}
