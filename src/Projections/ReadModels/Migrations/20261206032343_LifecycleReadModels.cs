using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SolarEvents.Projections.ReadModels.Migrations
{
    /// <inheritdoc />
    public partial class LifecycleReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ActivatedAt",
                table: "order_summaries",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Balance",
                table: "order_summaries",
                type: "decimal(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "CancellationRefundDue",
                table: "order_summaries",
                type: "decimal(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "order_summaries",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "GridConnectionApprovedAt",
                table: "order_summaries",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GridOperatorReference",
                table: "order_summaries",
                type: "varchar(100)",
                maxLength: 100,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<Guid>(
                name: "InstallationCrewId",
                table: "order_summaries",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InstalledAt",
                table: "order_summaries",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "JobAt",
                table: "order_summaries",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "JobCrewId",
                table: "order_summaries",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<string>(
                name: "JobKind",
                table: "order_summaries",
                type: "varchar(20)",
                maxLength: 20,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "Overpaid",
                table: "order_summaries",
                type: "decimal(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Payments",
                table: "order_summaries",
                type: "longtext",
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "order_summaries",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "QuoteAcceptedAt",
                table: "order_summaries",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "QuoteId",
                table: "order_summaries",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "QuoteIssuedAt",
                table: "order_summaries",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuoteLines",
                table: "order_summaries",
                type: "longtext",
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SurveyAt",
                table: "order_summaries",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SurveyCompletedAt",
                table: "order_summaries",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SurveyCrewId",
                table: "order_summaries",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<string>(
                name: "SurveyFindings",
                table: "order_summaries",
                type: "varchar(2000)",
                maxLength: 2000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "SurveyedKwp",
                table: "order_summaries",
                type: "decimal(8,2)",
                precision: 8,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Total",
                table: "order_summaries",
                type: "decimal(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_order_summaries_JobCrewId_JobAt_Position",
                table: "order_summaries",
                columns: new[] { "JobCrewId", "JobAt", "Position" });

            // What the existing columns already say. Everything else (survey, quote lines, payments, crews, jobs, the
            // site's postal code) is in the events only: `SolarEvents.Projections rebuild` fills it for existing orders.
            migrationBuilder.Sql("UPDATE order_summaries SET Total = QuoteTotal, Balance = COALESCE(QuoteTotal, 0) - Paid + Refunded;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_order_summaries_JobCrewId_JobAt_Position",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "ActivatedAt",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "Balance",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "CancellationRefundDue",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "GridConnectionApprovedAt",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "GridOperatorReference",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "InstallationCrewId",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "InstalledAt",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "JobAt",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "JobCrewId",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "JobKind",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "Overpaid",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "Payments",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "QuoteAcceptedAt",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "QuoteId",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "QuoteIssuedAt",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "QuoteLines",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "SurveyAt",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "SurveyCompletedAt",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "SurveyCrewId",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "SurveyFindings",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "SurveyedKwp",
                table: "order_summaries");

            migrationBuilder.DropColumn(
                name: "Total",
                table: "order_summaries");
        }
    }
}
