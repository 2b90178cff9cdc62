namespace ApimAiGateway.Harness.Reading;

/// <summary>Why <see cref="ExpressionScanner"/> could not find the end of an expression.</summary>
public enum ExpressionScanError
{
    None,

    /// <summary>The text ended before the expression's closing delimiter; reported at the '@'.</summary>
    UnclosedExpression,

    /// <summary>A string literal (regular, verbatim or interpolated) has no end; reported at its opening quote.</summary>
    UnterminatedString,

    /// <summary>A character literal has no end; reported at its opening quote.</summary>
    UnterminatedCharacter,

    /// <summary>A <c>/*</c> comment has no <c>*/</c>; reported at the <c>/*</c>.</summary>
    UnterminatedComment,

    /// <summary>A closing bracket of the wrong kind; reported at that bracket.</summary>
    MismatchedBracket,
}
