using System.Text;
using System.Threading.Channels;

namespace ApimAiGateway.Hosting.Tests;

/// <summary>
/// The host's request log as the tests read it: the gateway writes a request's line after answering, so a test waits
/// for the line instead of reading it at once.
/// </summary>
internal sealed class LineLog : TextWriter
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value) => _lines.Writer.TryWrite(value ?? string.Empty);

    public async Task<string> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _lines.Reader.ReadAsync(timeout.Token);
    }
}
