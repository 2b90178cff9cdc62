namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// Result of scanning one policy expression. On success <see cref="End"/> is the offset just past the closing
/// delimiter; on failure <see cref="ErrorOffset"/> is where the problem starts.
/// </summary>
public readonly record struct ExpressionScan(ExpressionKind Kind, int End, ExpressionScanError Error, int ErrorOffset)
{
    public bool Succeeded => Error == ExpressionScanError.None;

    /// <summary>The closing delimiter the expression needs: ')' or '}'.</summary>
    public char ClosingDelimiter => Kind == ExpressionKind.SingleStatement ? ')' : '}';
}
