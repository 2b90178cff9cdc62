using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace ApimAiGateway.Harness.Services;

/// <summary>
/// A message body still arriving: chunks come from the sender one at a time, as server-sent events do when APIM
/// relays them without buffering (<c>forward-request buffer-response="false"</c>, "Configure API for server-sent
/// events"). Every chunk is kept as it passes, so any number of readers each see the whole body in order: the
/// caller relays it while it arrives, and whoever needs it whole (a policy reading <c>context.Response.Body</c>, a
/// test, the log) waits for the end, which is APIM's rule that reading a body buffers it. Chunks are copied when
/// they arrive, so a sender may reuse its buffer.
/// </summary>
public sealed class LiveBody : IAsyncDisposable
{
    private readonly IAsyncEnumerable<ReadOnlyMemory<byte>> _source;
    private readonly List<ReadOnlyMemory<byte>> _chunks = [];
    private readonly List<Action<ReadOnlyMemory<byte>>> _whenEnded = [];
    private readonly SemaphoreSlim _pull = new(1, 1);
    private IAsyncEnumerator<ReadOnlyMemory<byte>>? _sender;
    private ExceptionDispatchInfo? _failure;
    private byte[]? _whole;
    private bool _hasEnded;

    public LiveBody(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks) => _source = chunks;

    /// <summary>A body whose chunks are all at hand; it still arrives one chunk at a time.</summary>
    public LiveBody(IEnumerable<ReadOnlyMemory<byte>> chunks)
        : this(chunks.ToAsyncEnumerable())
    {
    }

    /// <summary>True once the sender has sent its last chunk (or failed).</summary>
    public bool HasEnded { get => Volatile.Read(ref _hasEnded); private set => Volatile.Write(ref _hasEnded, value); }

    /// <summary>The chunks in order, each as soon as it arrives; a sender's failure is thrown to every reader.</summary>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var index = 0; await ChunkAtAsync(index, cancellationToken).ConfigureAwait(false) is { } chunk; index++)
        {
            yield return chunk;
        }
    }

    /// <summary>Waits for the end and returns the whole body.</summary>
    public async ValueTask<byte[]> ReadToEndAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var _ in ReadAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        return Whole();
    }

    /// <summary>
    /// The whole body, waiting for it when it is still arriving. Policy expressions read bodies synchronously, as
    /// APIM's do; the wait runs off the caller's synchronization context so a sender continuing there cannot stall it.
    /// </summary>
    public byte[] ReadToEnd() =>
        HasEnded ? Whole() : Task.Run(async () => await ReadToEndAsync().ConfigureAwait(false)).GetAwaiter().GetResult();

    /// <summary>
    /// Runs <paramref name="action"/> with the whole body once the last chunk has arrived (at once when it has): a tap
    /// that sees the stream without holding it up, as the token policies count a stream's usage when it ends.
    /// </summary>
    public void WhenEnded(Action<ReadOnlyMemory<byte>> action)
    {
        lock (_whenEnded)
        {
            if (!HasEnded)
            {
                _whenEnded.Add(action);
                return;
            }
        }

        action(Whole());
    }

    /// <summary>
    /// Gives up a body that is no longer wanted, such as a stream whose client went away: a sender still sending is
    /// stopped and disposed, letting go of what it holds (a backend's connection), and the body ends as a failed one
    /// does, with what had arrived. A body that has ended is left as it is.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _pull.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!HasEnded)
            {
                _failure = ExceptionDispatchInfo.Capture(new ObjectDisposedException(nameof(LiveBody), "The body was given up before it ended."));
                await EndAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _pull.Release();
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>?> ChunkAtAsync(int index, CancellationToken cancellationToken)
    {
        await _pull.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (index >= _chunks.Count && !HasEnded)
            {
                await PullAsync().ConfigureAwait(false);
            }

            if (index < _chunks.Count)
            {
                return _chunks[index];
            }

            _failure?.Throw();
            return null;
        }
        finally
        {
            _pull.Release();
        }
    }

    private async ValueTask PullAsync()
    {
        _sender ??= _source.GetAsyncEnumerator();
        try
        {
            if (await _sender.MoveNextAsync().ConfigureAwait(false))
            {
                if (!_sender.Current.IsEmpty)
                {
                    _chunks.Add(_sender.Current.ToArray());
                }

                return;
            }
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }

        await EndAsync().ConfigureAwait(false);
    }

    // Called holding _pull, once: releases the sender and runs the taps with what arrived.
    private async ValueTask EndAsync()
    {
        if (_sender is not null)
        {
            await _sender.DisposeAsync().ConfigureAwait(false);
        }

        Action<ReadOnlyMemory<byte>>[] actions;
        lock (_whenEnded)
        {
            HasEnded = true;
            actions = [.. _whenEnded];
            _whenEnded.Clear();
        }

        var whole = Whole();
        foreach (var action in actions)
        {
            action(whole);
        }
    }

    private byte[] Whole()
    {
        if (_whole is { } whole)
        {
            return whole;
        }

        var buffer = new byte[_chunks.Sum(chunk => chunk.Length)];
        var offset = 0;
        foreach (var chunk in _chunks)
        {
            chunk.Span.CopyTo(buffer.AsSpan(offset));
            offset += chunk.Length;
        }

        return _whole = buffer;
    }
}
