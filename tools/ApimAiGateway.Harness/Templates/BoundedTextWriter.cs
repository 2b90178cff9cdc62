using System.Text;

namespace ApimAiGateway.Harness.Templates;

/// <summary>Collects render output and stops the render once it would exceed a maximum length.</summary>
internal sealed class BoundedTextWriter(int maxLength) : TextWriter
{
    private readonly StringBuilder _output = new();

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value)
    {
        EnsureRoomFor(1);
        _output.Append(value);
    }

    public override void Write(string? value)
    {
        EnsureRoomFor(value?.Length ?? 0);
        _output.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        EnsureRoomFor(count);
        _output.Append(buffer, index, count);
    }

    public override string ToString() => _output.ToString();

    private void EnsureRoomFor(int count)
    {
        if (_output.Length + count > maxLength)
        {
            throw new LiquidLimitExceededException($"The rendered body exceeds {maxLength} characters.");
        }
    }
}
