using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SolarEvents.Projections.ReadModels.Migrations
{
    /// <inheritdoc />
    public partial class AccountPersonalFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "accounts",
                type: "longtext",
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "accounts",
                type: "longtext",
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "EmailIndex",
                table: "accounts",
                type: "varchar(64)",
                maxLength: 64,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "accounts",
                type: "longtext",
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "accounts",
                type: "longtext",
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "PhoneIndex",
                table: "accounts",
                type: "varchar(64)",
                maxLength: 64,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_EmailIndex",
                table: "accounts",
                column: "EmailIndex");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_PhoneIndex",
                table: "accounts",
                column: "PhoneIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_accounts_EmailIndex",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_PhoneIndex",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "EmailIndex",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "PhoneIndex",
                table: "accounts");
        }
    }
}
